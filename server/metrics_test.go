package server

import (
	"strings"
	"testing"
)

func TestMetricSetPrometheusText(t *testing.T) {
	m := newMetricSet()
	h := m.GetOrCreatePrometheusHistogramExt(`lat_seconds{route="GET /a"}`, []float64{0.001, 0.01})
	for _, v := range []float64{0.0005, 0.005, 0.005, 2} {
		h.Update(v)
	}
	m.GetOrCreateCounter(`reqs_total{code="200",route="GET /a"}`).Inc()
	m.GetOrCreateCounter(`reqs_total{code="200",route="GET /a"}`).Inc()
	m.GetOrCreateCounter(`reqs_total{code="404",route="GET /a"}`).Inc()
	var b strings.Builder
	m.WritePrometheus(&b)
	want := `# HELP lat_seconds
# TYPE lat_seconds histogram
lat_seconds_bucket{route="GET /a",le="0.001"} 1
lat_seconds_bucket{route="GET /a",le="0.01"} 3
lat_seconds_bucket{route="GET /a",le="+Inf"} 4
lat_seconds_sum{route="GET /a"} 2.0105
lat_seconds_count{route="GET /a"} 4
# HELP reqs_total
# TYPE reqs_total counter
reqs_total{code="200",route="GET /a"} 2
reqs_total{code="404",route="GET /a"} 1
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	var p strings.Builder
	writeProcessMetrics(&p)
	for _, name := range []string{"go_goroutines ", "go_memstats_alloc_bytes ", "process_start_time_seconds "} {
		if !strings.Contains(p.String(), "\n"+name) {
			t.Errorf("process metrics lack %s:\n%s", name, p.String())
		}
	}
}
