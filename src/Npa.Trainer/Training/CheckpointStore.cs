using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Npa.Trainer.Training;

/// <summary>
/// Checkpoints of a run folder: <c>last/</c> after every epoch (student and teacher as safetensors, AdamW state (TorchSharp format),
/// current labels, state.json) and <c>best/</c> whenever validation improves.
/// </summary>
public sealed class CheckpointStore
{
    private static JsonSerializerOptions Json => RunFolder.IndentedJson;

    /// <summary>Store under <paramref name="runFolder"/>.</summary>
    public CheckpointStore(string runFolder)
    {
        LastFolder = Path.Combine(runFolder, RunFolder.LastFolder);
        BestFolder = Path.Combine(runFolder, RunFolder.BestFolder);
    }

    /// <summary>The latest epoch's checkpoint folder.</summary>
    public string LastFolder { get; }

    /// <summary>The best validation epoch's checkpoint folder.</summary>
    public string BestFolder { get; }

    /// <summary>Whether a resumable checkpoint exists.</summary>
    public bool HasLast => File.Exists(Path.Combine(LastFolder, "state.json"));

    /// <summary>Writes <c>last/</c> (into a temporary folder first, so a crash never leaves half a checkpoint).</summary>
    public void SaveLast(nn.Module student, nn.Module? teacher, TorchSharp.Modules.OptimizerHelper optimizer, LabelStore labels, TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(labels);
        string temp = LastFolder + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        student.save_safetensors(Path.Combine(temp, "student.safetensors"));
        teacher?.save_safetensors(Path.Combine(temp, "teacher.safetensors"));
        optimizer.save_state_dict(Path.Combine(temp, "optimizer.bin"));
        labels.Save(Path.Combine(temp, "labels.json"));
        File.WriteAllText(Path.Combine(temp, "state.json"), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(LastFolder)) Directory.Delete(LastFolder, recursive: true);
        Directory.Move(temp, LastFolder);
    }

    /// <summary>Copies the weights of <c>last/</c> to <c>best/</c>.</summary>
    public void PromoteLastToBest()
    {
        Directory.CreateDirectory(BestFolder);
        foreach (var name in new[] { "student.safetensors", "teacher.safetensors", "state.json", "labels.json" })
        {
            string source = Path.Combine(LastFolder, name);
            if (File.Exists(source)) File.Copy(source, Path.Combine(BestFolder, name), overwrite: true);
        }
    }

    /// <summary>Restores <c>last/</c> into the given objects and returns its state.</summary>
    public TrainingState LoadLast(nn.Module student, nn.Module? teacher, TorchSharp.Modules.OptimizerHelper optimizer, LabelStore labels)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(labels);
        if (!HasLast) throw new FileNotFoundException($"no checkpoint to resume from in {LastFolder}");
        student.load_safetensors(Path.Combine(LastFolder, "student.safetensors"));
        if (teacher is not null)
        {
            string t = Path.Combine(LastFolder, "teacher.safetensors");
            if (!File.Exists(t)) throw new InvalidDataException($"{t} is missing: the run was saved without EMA but resumes with it");
            teacher.load_safetensors(t);
        }
        optimizer.load_state_dict(Path.Combine(LastFolder, "optimizer.bin"));
        labels.Load(Path.Combine(LastFolder, "labels.json"));
        return ReadState(Path.Combine(LastFolder, "state.json"));
    }

    /// <summary>Reads a state.json.</summary>
    public static TrainingState ReadState(string path) =>
        JsonSerializer.Deserialize<TrainingState>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");
}
