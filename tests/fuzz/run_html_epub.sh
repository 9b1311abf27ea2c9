#!/bin/sh
# Build and run the HTML and EPUB fuzz targets with clang's libFuzzer:
#   tests/fuzz/run_html_epub.sh [SECONDS]   (default 60 each)
# The core is built with clang and ASan+UBSan in build-fuzz/; the seeds are
# the pages and books tests/data/make_books.py makes.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
b=$src/build-fuzz
cmake -S "$src" -B "$b" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
	-DYUEDU_SANITIZE=ON -DYUEDU_WERROR=OFF -DBUILD_TESTING=OFF \
	-DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link >/dev/null
cmake --build "$b" -j2 --target yuedu_core >/dev/null
libs="$(pkg-config --libs libxml-2.0 libzip md4c opencc libutf8proc libpcre2-8) -lunistring -lz -lpthread -lm"
mkdir -p "$b/seeds"
python3 "$src/tests/data/make_books.py" "$b/seeds" >/dev/null
for t in html epub; do
	clang -g -O1 -fsanitize=fuzzer,address,undefined -I"$src/include" \
		"$src/tests/fuzz/fuzz_$t.c" "$b/libyuedu_core.a" $libs \
		-o "$b/fuzz_$t"
	mkdir -p "$b/corpus_$t"
	case $t in
	html) cp "$b"/seeds/*.htm* "$b/corpus_$t/" ;;
	epub) find "$b/seeds" -name '*.epub' -size -200k \
		-exec cp {} "$b/corpus_$t/" \; ;;
	esac
	"$b/fuzz_$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
		-timeout=10 "$b/corpus_$t"
done
