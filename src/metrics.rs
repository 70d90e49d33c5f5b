//! (Skeleton: filled in by the indicators issue.)
