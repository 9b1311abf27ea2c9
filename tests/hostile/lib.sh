# Helpers for the hostile-input tests (sourced): everything in cli/lib.sh,
# and raw_controls FILE, the number of bytes in FILE that a terminal would
# act on: C0 controls but tab and newline, DEL, and C1 controls (raw or
# UTF-8 encoded).
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

raw_controls() {
	LC_ALL=C grep -aoP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|(?<![\xc0-\xff])[\x80-\x9f](?![\x80-\xbf])' "$1" |
		wc -l
}

# inert WHAT FILE: the file holds no raw control (and show them when it does).
inert() {
	local n
	n=$(raw_controls "$2")
	if [ "$n" != 0 ]; then
		echo "  raw controls in $1:"
		od -c "$2" | head -8 | sed 's/^/  /'
	fi
	check "$1: nothing raw reaches the terminal" 0 "$n"
}
