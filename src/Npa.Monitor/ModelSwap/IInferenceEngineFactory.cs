namespace Npa.Monitor.ModelSwap;

/// <summary>Loads and validates a model package into a ready model.</summary>
public interface IInferenceEngineFactory
{
    /// <summary>Loads the package at <paramref name="packagePath"/>; throws with a readable message when it is missing or invalid.</summary>
    LoadedModel Load(string packagePath);
}
