// libtorch's random generator (torch.manual_seed) is process-wide: tests that seed it and build or train modules
// (fixtures, resume reproducibility, parity) change each other's results when run side by side. Run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
