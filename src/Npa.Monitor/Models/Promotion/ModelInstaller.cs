using Npa.Monitor.Inference;

namespace Npa.Monitor.Models.Promotion;

/// <summary>
/// Puts a validated package into the monitor's watched model path in one atomic swap, keeps the one it replaces as
/// the previous package, and records each promotion and rollback in the history. The running monitor's watcher then
/// hot-swaps it; a refused package leaves every file as it was.
/// </summary>
public sealed class ModelInstaller(TimeProvider time)
{
    /// <summary>Validates <paramref name="package"/> (manifest and sha256) and installs it at <paramref name="modelPath"/>.</summary>
    public ModelHistoryEntry Promote(string package, string modelPath, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var slots = new ModelSlots(modelPath);
        var candidate = Validate(package, "promote");
        using var held = Hold(slots);
        string? from = ServingId(slots.Current);
        if (from == candidate.ModelId) throw new ModelInstallException($"promote refused: {slots.Current} already serves {from}; nothing changed");
        string staged = slots.NewStaging();
        try
        {
            PackageStaging.Copy(candidate.Source, staged, slots.IsZip);
            // The copy is what will serve, so it is the copy whose hash must hold.
            var copy = Validate(staged, "promote");
            if (copy.ModelId != candidate.ModelId) throw new ModelInstallException($"promote refused: the copy of {candidate.Source} reads as {copy.ModelId}, not {candidate.ModelId}; nothing changed");
            if (!Exists(slots.Current))
            {
                Move(staged, slots.Current);
            }
            else
            {
                DirectorySwap.Exchange(staged, slots.Current);
                // staged now holds the package that served until now; it becomes the previous one.
                if (Exists(slots.Previous)) DirectorySwap.Exchange(staged, slots.Previous);
                else Move(staged, slots.Previous);
            }
        }
        finally
        {
            Delete(staged);
        }
        return Record(slots, new ModelHistoryEntry(time.GetUtcNow(), ModelAction.Promote, candidate.ModelId, candidate.Manifest.OnnxSha256, from, by));
    }

    /// <summary>Puts the previous package back at <paramref name="modelPath"/>; the one it replaces becomes the previous one.</summary>
    public ModelHistoryEntry Rollback(string modelPath, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var slots = new ModelSlots(modelPath);
        using var held = Hold(slots);
        if (!Exists(slots.Previous)) throw new ModelInstallException($"rollback refused: there is no previous package ({slots.Previous}); nothing changed");
        var previous = Validate(slots.Previous, "rollback");
        string? from = ServingId(slots.Current);
        if (Exists(slots.Current)) DirectorySwap.Exchange(slots.Previous, slots.Current);
        else Move(slots.Previous, slots.Current);
        return Record(slots, new ModelHistoryEntry(time.GetUtcNow(), ModelAction.Rollback, previous.ModelId, previous.Manifest.OnnxSha256, from, by));
    }

    /// <summary>Who installs, by default: the user and the host.</summary>
    public static string DefaultActor() => $"{Environment.UserName}@{Environment.MachineName}";

    private static ModelHistoryEntry Record(ModelSlots slots, ModelHistoryEntry entry)
    {
        ModelHistory.Append(slots.History, entry);
        return entry;
    }

    private static ModelPackage Validate(string path, string action)
    {
        try
        {
            return ModelPackage.Load(path);
        }
        catch (ModelPackageException ex)
        {
            throw new ModelInstallException($"{action} refused: {ex.Message}; nothing changed", ex);
        }
    }

    private static string? ServingId(string current)
    {
        if (!Exists(current)) return null;
        try
        {
            return ModelPackage.Load(current).ModelId;
        }
        catch (ModelPackageException)
        {
            // A broken serving package is still replaced (that is one reason to promote); the history says "unknown".
            return null;
        }
    }

    private static FileStream Hold(ModelSlots slots)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("model files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        // A missing model folder is made owner-only, like the monitor's data folder; an existing one keeps its mode.
        Storage.PrivateFiles.EnsureDirectory(slots.Parent);
        try
        {
            return new FileStream(slots.Lock, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = Storage.PrivateFiles.FileMode });
        }
        catch (IOException ex)
        {
            throw new ModelInstallException($"another promotion or rollback holds {slots.Lock}; nothing changed", ex);
        }
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else if (File.Exists(path)) File.Delete(path);
    }
}
