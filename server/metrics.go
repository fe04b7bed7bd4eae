package server

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// metricSet holds the server's counters and histograms and writes them in
// the Prometheus text format (version 0.0.4). A series is named with its
// labels, `name{label="value",...}`; the name before "{" groups the series
// under one # HELP and # TYPE header. It is written here rather than taken
// from a metrics library because such libraries start work at program start
// (reading cgroup files, registering runtime metrics) that every command of
// the binary paid for, not only serve.
type metricSet struct {
	mu     sync.Mutex
	series map[string]any // *counter or *histogram, by full series name
}

func newMetricSet() *metricSet { return &metricSet{series: map[string]any{}} }

// counter is a monotonically increasing count.
type counter struct{ n atomic.Uint64 }

func (c *counter) Inc() { c.n.Add(1) }

// histogram counts observations into fixed upper bounds (seconds).
type histogram struct {
	bounds []float64
	counts []atomic.Uint64 // per bucket, not cumulative; the last is +Inf
	sumNs  atomic.Uint64   // sum of observations in nanoseconds
	total  atomic.Uint64
}

// Update observes one value v (seconds).
func (h *histogram) Update(v float64) {
	i, _ := slices.BinarySearch(h.bounds, v)
	h.counts[i].Add(1)
	h.sumNs.Add(uint64(math.Max(v, 0) * 1e9))
	h.total.Add(1)
}

// GetOrCreateCounter returns the counter of the series name, creating it.
func (m *metricSet) GetOrCreateCounter(name string) *counter {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.series[name].(*counter); ok {
		return c
	}
	c := &counter{}
	m.series[name] = c
	return c
}

// GetOrCreatePrometheusHistogramExt returns the histogram of the series
// name with the given bucket upper bounds (sorted), creating it.
func (m *metricSet) GetOrCreatePrometheusHistogramExt(name string, bounds []float64) *histogram {
	m.mu.Lock()
	defer m.mu.Unlock()
	if h, ok := m.series[name].(*histogram); ok {
		return h
	}
	h := &histogram{bounds: bounds, counts: make([]atomic.Uint64, len(bounds)+1)}
	m.series[name] = h
	return h
}

// splitSeries splits `name{labels}` into name and labels (without braces).
func splitSeries(s string) (name, labels string) {
	if i := strings.IndexByte(s, '{'); i >= 0 && strings.HasSuffix(s, "}") {
		return s[:i], s[i+1 : len(s)-1]
	}
	return s, ""
}

// withLabel adds one label to a label list.
func withLabel(labels, k, v string) string {
	l := k + `="` + v + `"`
	if labels == "" {
		return "{" + l + "}"
	}
	return "{" + labels + "," + l + "}"
}

func braced(labels string) string {
	if labels == "" {
		return ""
	}
	return "{" + labels + "}"
}

// WritePrometheus writes every series, grouped by name in name order.
func (m *metricSet) WritePrometheus(w io.Writer) {
	m.mu.Lock()
	names := make([]string, 0, len(m.series))
	for n := range m.series {
		names = append(names, n)
	}
	vals := make(map[string]any, len(m.series))
	for n, v := range m.series {
		vals[n] = v
	}
	m.mu.Unlock()
	slices.Sort(names)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	last := ""
	for _, full := range names {
		name, labels := splitSeries(full)
		switch v := vals[full].(type) {
		case *counter:
			if name != last {
				fmt.Fprintf(bw, "# HELP %s\n# TYPE %s counter\n", name, name)
			}
			fmt.Fprintf(bw, "%s%s %d\n", name, braced(labels), v.n.Load())
		case *histogram:
			if name != last {
				fmt.Fprintf(bw, "# HELP %s\n# TYPE %s histogram\n", name, name)
			}
			var cum uint64
			for i := range v.counts {
				cum += v.counts[i].Load()
				le := "+Inf"
				if i < len(v.bounds) {
					le = fmt.Sprint(v.bounds[i])
				}
				fmt.Fprintf(bw, "%s_bucket%s %d\n", name, withLabel(labels, "le", le), cum)
			}
			fmt.Fprintf(bw, "%s_sum%s %g\n", name, braced(labels), float64(v.sumNs.Load())/1e9)
			fmt.Fprintf(bw, "%s_count%s %d\n", name, braced(labels), v.total.Load())
		}
		last = name
	}
}

// processStart is when the process began, for process_start_time_seconds.
var processStart = time.Now()

// writeProcessMetrics writes the Go runtime's and the process's gauges:
// goroutines, heap, GC, CPU time, resident memory and open files.
func writeProcessMetrics(w io.Writer) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	gauge := func(name, typ string, v any) {
		fmt.Fprintf(bw, "# HELP %s\n# TYPE %s %s\n%s %v\n", name, name, typ, name, v)
	}
	gauge("go_goroutines", "gauge", runtime.NumGoroutine())
	gauge("go_gomaxprocs", "gauge", runtime.GOMAXPROCS(0))
	gauge("go_memstats_alloc_bytes", "gauge", ms.HeapAlloc)
	gauge("go_memstats_heap_inuse_bytes", "gauge", ms.HeapInuse)
	gauge("go_memstats_sys_bytes", "gauge", ms.Sys)
	gauge("go_memstats_mallocs_total", "counter", ms.Mallocs)
	gauge("go_memstats_frees_total", "counter", ms.Frees)
	gauge("go_gc_cycles_total", "counter", ms.NumGC)
	gauge("go_gc_pause_seconds_total", "counter", float64(ms.PauseTotalNs)/1e9)
	gauge("process_start_time_seconds", "gauge", processStart.Unix())
	if utime, stime, rss, ok := procStat(); ok {
		gauge("process_cpu_seconds_total", "counter", utime+stime)
		gauge("process_resident_memory_bytes", "gauge", rss)
	}
	if ents, err := os.ReadDir("/proc/self/fd"); err == nil {
		gauge("process_open_fds", "gauge", len(ents))
	}
}

// procStat reads the CPU seconds and resident bytes of the process from
// /proc/self/stat (Linux); ok is false elsewhere.
func procStat() (utime, stime float64, rss int64, ok bool) {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, 0, 0, false
	}
	// The command name may hold spaces: fields are counted after its ")".
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, 0, 0, false
	}
	f := strings.Fields(s[i+1:])
	// After ")": state(0) ... utime(11) stime(12) ... rss(21), in pages.
	if len(f) < 22 {
		return 0, 0, 0, false
	}
	const ticks = 100 // USER_HZ on Linux
	var u, st, r int64
	fmt.Sscan(f[11], &u)
	fmt.Sscan(f[12], &st)
	fmt.Sscan(f[21], &r)
	return float64(u) / ticks, float64(st) / ticks, r * int64(os.Getpagesize()), true
}
