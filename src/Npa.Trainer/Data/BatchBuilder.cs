using Npa.Shared.Preprocessing;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Data;

/// <summary>Turns cached crops into a normalised [N,3,S,S] float tensor, optionally mirroring chosen samples.</summary>
public sealed class BatchBuilder
{
    private readonly ImageCache cache;
    private readonly PreprocessSpec cropSpec;

    /// <summary>Builder over <paramref name="cache"/> with the normalisation of <paramref name="spec"/>.</summary>
    public BatchBuilder(ImageCache cache, PreprocessSpec spec)
    {
        this.cache = cache ?? throw new ArgumentNullException(nameof(cache));
        ArgumentNullException.ThrowIfNull(spec);
        // The cache already holds the centre crop, so normalising it as an image whose shorter side is the crop size
        // crops nothing more and gives exactly the spec's numbers.
        cropSpec = spec with { ResizeShorterSide = spec.CropSize };
    }

    /// <summary>The batch of images <paramref name="indices"/>; <paramref name="flip"/>[i] mirrors item i horizontally.</summary>
    public Tensor Build(IReadOnlyList<int> indices, IReadOnlyList<bool>? flip, Device device)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int s = cache.Size, per = 3 * s * s;
        var buffer = new float[indices.Count * per];
        for (int i = 0; i < indices.Count; i++)
        {
            var dst = buffer.AsSpan(i * per, per);
            cropSpec.Normalize(cache[indices[i]], s, s, 3 * s, PixelFormat.Bgr24, dst);
            if (flip is not null && flip[i])
                for (int row = 0; row < 3 * s; row++) dst.Slice(row * s, s).Reverse();
        }
        var batch = tensor(buffer, [indices.Count, 3, s, s]);
        if (device.type == DeviceType.CPU) return batch;
        using (batch) return batch.to(device);
    }
}
