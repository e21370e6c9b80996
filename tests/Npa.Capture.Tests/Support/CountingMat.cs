using OpenCvSharp;

namespace Npa.Capture.Tests.Support;

/// <summary>A Mat that reports its birth and its (native) release to a <see cref="MatCounter"/>.</summary>
internal sealed class CountingMat : Mat
{
    private readonly MatCounter _counter;

    public CountingMat(MatCounter counter, int rows, int cols, MatType type, Scalar fill)
        : base(rows, cols, type, fill)
    {
        _counter = counter;
        counter.Born();
    }

    protected override void DisposeUnmanaged()
    {
        _counter.Died();
        base.DisposeUnmanaged();
    }
}
