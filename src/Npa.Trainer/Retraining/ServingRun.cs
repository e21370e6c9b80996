using Npa.Shared.Packaging;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Retraining;

/// <summary>Finds the run a serving package was exported from (its manifest's <c>training_run</c>).</summary>
public static class ServingRun
{
    /// <summary>The run folder <paramref name="packageFolder"/> names; throws when it names none or the folder is gone.</summary>
    public static string Of(string packageFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageFolder);
        var manifest = ModelManifestJson.Read(Path.Combine(packageFolder, ModelPackageFiles.Manifest));
        if (manifest.TrainingRun is not string run)
            throw new TrainConfigException($"--serving: package '{manifest.ModelId}' does not name its training run (exported before training_run existed); pass --from RUN");
        if (!Directory.Exists(run))
            throw new TrainConfigException($"--serving: package '{manifest.ModelId}' names run {run}, which is not here; pass --from RUN");
        return run;
    }
}
