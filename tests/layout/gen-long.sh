#!/bin/sh
# Writes a long English report with a 120-row table (its header must repeat
# on each page the table continues onto), headings, links and lists into
# folder $1.  Deterministic.
set -eu
dir=$1
mkdir -p "$dir"
{
    echo "entity,amount,share"
    i=1
    while [ $i -le 120 ]; do
        echo "Row $i,\"\$$i.5 million\",$((i % 97))%"
        i=$((i + 1))
    done
} > "$dir/rows.csv"
{
    cat <<'HEAD'
---
title: Layout fixture
author: figpress tests
date: 2025-01-30
lang: en
---

# First section

Intro text with an [external link](https://example.org/figpress) and an
[internal link](#second-section).

HEAD
    i=1
    while [ $i -le 6 ]; do
        echo "Paragraph $i of the first section. Lorem ipsum dolor sit amet,"
        echo "consectetur adipiscing elit, sed do eiusmod tempor incididunt ut"
        echo "labore et dolore magna aliqua. Ut enim ad minim veniam, quis"
        echo "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo."
        echo
        i=$((i + 1))
    done
    cat <<'MID'
## A subsection

- one
- two
  - two and a half

# Second section

```table
data: rows.csv
columns: [entity, amount, share]
headers: [Entity name, Amount, Share]
caption: A long table.
source: Generated
```

# Third section

The end.
MID
} > "$dir/long.md"
