//! The benchmark thread's CPU time as a criterion [`Measurement`] (Linux
//! `/proc/thread-self/schedstat`): on a machine shared with other work, wall time also counts
//! the time spent waiting for a core. Shared by `benches/extract.rs` and `benches/compare.rs`;
//! `ZHIBIAO_BENCH_CLOCK=wall` or a system without schedstat uses the wall clock.

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::Throughput;

/// CPU time of the calling thread in nanoseconds.
pub fn thread_cpu_ns() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Whether to measure CPU time (else wall time).
pub fn use_cpu_clock() -> bool {
    let wall = std::env::var("ZHIBIAO_BENCH_CLOCK").is_ok_and(|v| v == "wall");
    !wall && thread_cpu_ns().is_some()
}

pub struct CpuTime;

impl Measurement for CpuTime {
    type Intermediate = f64;
    type Value = f64;
    fn start(&self) -> f64 {
        thread_cpu_ns().unwrap_or(0.0)
    }
    fn end(&self, i: f64) -> f64 {
        thread_cpu_ns().unwrap_or(0.0) - i
    }
    fn add(&self, v1: &f64, v2: &f64) -> f64 {
        v1 + v2
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, value: &f64) -> f64 {
        *value
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match ns {
            n if n < 1e3 => (1.0, "ns cpu"),
            n if n < 1e6 => (1e-3, "µs cpu"),
            n if n < 1e9 => (1e-6, "ms cpu"),
            _ => (1e-9, "s cpu"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let (per, unit) = match *t {
            Throughput::Bytes(b) | Throughput::BytesDecimal(b) => (b as f64 / 1e6, "MB/s"),
            Throughput::Elements(e) => (e as f64, "elem/s"),
            _ => (1.0, "iter/s"),
        };
        values.iter_mut().for_each(|v| *v = per / (*v * 1e-9));
        unit
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
