echo "e2e: none yet"
