using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using OpenCvSharp;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Pretrained;

public class MlNetResNet18Importer_Tests(ITestOutputHelper log)
{
    // A real photograph (a face) from Debian's python3-skimage, one of ./npa's Debian packages.
    private const string Photo = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
    private const int Side = 224;

    private static string PreprocessModelPath => MlNetResNet18Preprocess.DefaultModelPath;

    [Fact]
    public void Onnx_Walk_Fills_Every_Trunk_Key_In_Order_With_Nothing_Left_Over()
    {
        using var backbone = BackboneRegistry.Create(MlNetResNet18Importer.BackboneName);
        var entries = MlNetResNet18Importer.ReadStateDict();
        try
        {
            var expected = TorchStateDictOrder.Entries(backbone);
            Assert.Equal(132, entries.Count);
            Assert.Equal(expected.Select(e => e.Key), entries.Select(e => e.Key));
            Assert.Equal(expected.Select(e => string.Join(",", e.Value.shape)), entries.Select(e => string.Join(",", e.Value.shape)));
            var values = entries.Where(e => e.Value.dtype == ScalarType.Float32).Sum(e => e.Value.numel());
            log.WriteLine($"{entries.Count} entries, {values:N0} float values");
            Assert.True(values > 15_000_000, $"only {values} values imported");
        }
        finally
        {
            foreach (var (_, value) in entries) value.Dispose();
        }
    }

    [Fact]
    public void Imported_Backbone_Gives_Onnx_Runtime_Features_On_A_Photo()
    {
        var rgb = LoadRgb(Photo);
        float[] preprocessed;
        float[] ortFeatures;
        using (var prep = new InferenceSession(PreprocessModelPath))
        using (var net = new InferenceSession(MlNetResNet18Importer.DefaultModelPath))
        {
            var input = new DenseTensor<float>(rgb, [1, 3, Side, Side]);
            using var prepOut = prep.Run([NamedOnnxValue.CreateFromTensor(prep.InputMetadata.Keys.Single(), input)]);
            preprocessed = prepOut.Single().AsTensor<float>().ToArray();
            var netInput = new DenseTensor<float>(preprocessed, [1, 3, Side, Side]);
            using var netOut = net.Run([NamedOnnxValue.CreateFromTensor(net.InputMetadata.Keys.Single(), netInput)]);
            ortFeatures = netOut.Single().AsTensor<float>().ToArray();
        }

        using var backbone = BackboneRegistry.Create(MlNetResNet18Importer.BackboneName);
        var result = MlNetResNet18Importer.ImportInto(backbone);
        backbone.eval();
        float[] torchFeatures;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var x = tensor(preprocessed).reshape(1, 3, Side, Side);
            torchFeatures = backbone.call(x).mean([2, 3]).data<float>().ToArray();
        }

        var maxAbsDiff = torchFeatures.Zip(ortFeatures, (a, b) => Math.Abs(a - b)).Max();
        log.WriteLine($"loaded {result.LoadedCount} entries; 512-d features: max |ORT| {ortFeatures.Max(Math.Abs):F4}, mean {ortFeatures.Average():F4}; max abs diff torch vs ORT {maxAbsDiff:E3}");
        Assert.Equal(512, ortFeatures.Length);
        Assert.Equal(512, torchFeatures.Length);
        Assert.True(ortFeatures.Max() > 0.1f, "ORT features are all near zero; the photo did not get through");
        Assert.True(maxAbsDiff <= 1e-3, $"max abs diff {maxAbsDiff:E3} exceeds 1e-3");
    }

    [Fact]
    public void Shared_Preprocess_Spec_Carries_The_Means_Of_The_Package_Mean_Image()
    {
        var means = MlNetResNet18Preprocess.ReadChannelMeans(PreprocessModelPath);
        var spec = Npa.Shared.Preprocessing.PreprocessSpec.DnnResNet18;
        log.WriteLine($"mean image channel means {means}; PreprocessSpec.DnnResNet18 {spec.Mean}");

        Assert.Equal(Npa.Shared.Preprocessing.ChannelOrder.Bgr, spec.ChannelOrder);
        Assert.Equal(Npa.Shared.Preprocessing.NormalizationMode.RawMeanSubtraction, spec.Normalization);
        Assert.Null(spec.Std);
        Assert.Equal(means.B, spec.Mean.B, 0.01f);
        Assert.Equal(means.G, spec.Mean.G, 0.01f);
        Assert.Equal(means.R, spec.Mean.R, 0.01f);
    }

    [Fact]
    public void Missing_Onnx_Gives_A_Clear_Error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MlNetResNet18Importer.ReadStateDict("/nonexistent/ResNet18.onnx"));
        Assert.Contains("'/nonexistent/ResNet18.onnx' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Without_The_Resnet_Structure_Is_Refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => MlNetResNet18Importer.ReadStateDict(PreprocessModelPath));
        Assert.Contains("has 0 Conv+BatchNormalization pairs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_Backbone_Is_Refused()
    {
        using var backbone = BackboneRegistry.Create("resnet34");
        var error = Assert.Throws<ArgumentException>(() => MlNetResNet18Importer.ImportInto(backbone));
        Assert.Contains("fit backbone 'resnet18_mlnet'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 'resnet34'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_Resnet18_Takes_Every_Entry_But_The_Third_Layer4_Block()
    {
        using var standard = BackboneRegistry.Create("resnet18");
        using var full = BackboneRegistry.Create("resnet18_mlnet");
        var loaded = MlNetResNet18Importer.ImportInto(standard);
        MlNetResNet18Importer.ImportInto(full);
        var fullParameters = full.state_dict();
        int compared = 0;
        foreach (var (key, value) in standard.state_dict())
        {
            if (key.StartsWith("fc.", StringComparison.Ordinal) || key.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
            Assert.True(value.allclose(fullParameters[key], 0, 0), $"{key} differs from the full import");
            compared++;
        }
        Assert.Equal(100, compared);
        // 100 weights and statistics plus the 20 BatchNorm batch counters.
        Assert.Equal(120, loaded.LoadedCount);
    }

    // RGB planes, 0–255, resized to 224×224: what ResNetPreprocess.onnx takes.
    private static float[] LoadRgb(string path)
    {
        using var bgr = Cv2.ImRead(path, ImreadModes.Color);
        Assert.False(bgr.Empty(), $"could not read {path}");
        using var resized = bgr.Resize(new OpenCvSharp.Size(Side, Side), interpolation: InterpolationFlags.Area);
        var data = new float[3 * Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var p = resized.At<Vec3b>(y, x);
                data[(0 * Side + y) * Side + x] = p.Item2;
                data[(1 * Side + y) * Side + x] = p.Item1;
                data[(2 * Side + y) * Side + x] = p.Item0;
            }
        }

        return data;
    }
}
