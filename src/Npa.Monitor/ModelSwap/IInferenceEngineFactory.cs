using Npa.Monitor.Inference;

namespace Npa.Monitor.ModelSwap;

/// <summary>Loads and validates a model package into a ready engine.</summary>
public interface IInferenceEngineFactory
{
    /// <summary>Loads the package at <paramref name="packagePath"/>; throws with a readable message when it is missing or invalid.</summary>
    IInferenceEngine Load(string packagePath);
}
