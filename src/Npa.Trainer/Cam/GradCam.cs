using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Cam;

/// <summary>
/// Grad-CAM (Selvaraju et al.) through TorchSharp autograd: the gradient of a class logit with respect to the last
/// feature maps, averaged over space, weights those maps. Used for the paper's figures; the Monitor draws the cheaper
/// CAM from exported features, which equals this up to scale for pooling + linear heads.
/// </summary>
public static class GradCam
{
    /// <summary>
    /// Runs <paramref name="forward"/> (image [1,3,H,W] → its feature maps [1,K,h,w] and the logits [1,C] computed from
    /// them) with gradients on, and explains <paramref name="classIndex"/> (the arg-max logit when null).
    /// </summary>
    public static GradCamMap Compute(Func<Tensor, (Tensor Features, Tensor Logits)> forward, Tensor image, int? classIndex = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 4 || image.shape[0] != 1) throw new ArgumentException($"Grad-CAM takes one image [1,3,H,W], got [{string.Join(',', image.shape)}]", nameof(image));
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        // A leaf input that needs grad keeps the graph alive even when every parameter is frozen.
        var input = image.detach().clone().requires_grad_(true);
        var (features, logits) = forward(input);
        if (features.dim() != 4) throw new ArgumentException($"the forward must give feature maps [1,K,h,w], gave [{string.Join(',', features.shape)}]", nameof(forward));
        int cls = classIndex ?? (int)logits.argmax(1).item<long>();
        if (cls < 0 || cls >= logits.shape[1]) throw new ArgumentOutOfRangeException(nameof(classIndex), cls, $"class must be 0..{logits.shape[1] - 1}");

        var score = logits[0, cls];
        var gradients = autograd.grad([score], [features])[0];
        var weights = gradients.mean([2, 3], keepdim: true);
        var map = nn.functional.relu((weights * features).sum(1))[0].detach();
        return new GradCamMap(cls, (int)map.shape[0], (int)map.shape[1], map.contiguous().data<float>().ToArray());
    }
}
