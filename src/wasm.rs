//! WebAssembly bindings. (Skeleton: filled in by the page issue.)
