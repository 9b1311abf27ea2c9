# Helpers of the benchmarks (sourced): times in ns and ms, waiting for a
# tmux screen ($TM, the script's tmux command), a process's memory and
# idleness, ratios.
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
# wait_for SESSION TEXT: poll the screen every few ms, up to 60 s.
wait_for() {
	local end=$(( $(now) + 60000000000 ))
	while [ "$(now)" -lt "$end" ]; do
		$TM capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
		sleep 0.002
	done
	echo "timeout waiting for '$2' in $1" >&2
	return 1
}
# kb FIELD PID: a /proc/PID/status figure (VmHWM, VmRSS, RssAnon) in kB.
kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$2/status"; }
# idle PID: until PID used no CPU for 1.5 s (up to 120 s): what a big
# text renders on the other core after its first screens is done.
idle() {
	local prev=-1 cur n=0 end=$(( $(date +%s) + 120 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		cur=$(awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null)
		if [ "$cur" = "$prev" ]; then
			n=$((n + 1))
			[ "$n" -ge 6 ] && return 0
		else
			n=0
		fi
		prev=$cur
		sleep 0.25
	done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
