using Google.Protobuf;
using Onnx;

namespace Npa.Trainer.Pretrained;

/// <summary>Opens one of the ONNX files that NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 ships, with errors that say where it comes from.</summary>
internal static class MlNetOnnxFile
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model.</exception>
    public static ModelProto Read(string path, string description)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{description} '{path}' does not exist; it comes with NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (build assets).", path);
        try
        {
            using var stream = File.OpenRead(path);
            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"'{path}' is not an ONNX model: {e.Message}", e);
        }
    }
}
