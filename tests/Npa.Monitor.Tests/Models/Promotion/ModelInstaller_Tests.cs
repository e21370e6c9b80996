using System.Runtime.Versioning;
using Npa.Monitor.Inference;
using Npa.Monitor.Models.Promotion;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Packaging;

namespace Npa.Monitor.Tests.Models.Promotion;

[SupportedOSPlatform("linux")]
public sealed class ModelInstaller_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Promote_Installs_The_Candidate_Keeps_The_Old_One_As_Previous_And_Records_It()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        var clock = new ManualClock(T0);

        var entry = new ModelInstaller(clock).Promote(folder.Candidate("tiny-b"), folder.ModelPath, "nurse@bedside-7");

        var slots = new ModelSlots(folder.ModelPath);
        Assert.Equal(PromotionFolder.ServedId("tiny-b"), ModelPackage.Load(slots.Current).ModelId);
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), ModelPackage.Load(slots.Previous).ModelId);
        var expected = new ModelHistoryEntry(T0, ModelAction.Promote, PromotionFolder.ServedId("tiny-b"), PromotionFolder.Sha256, PromotionFolder.ServedId("tiny-a"), "nurse@bedside-7");
        Assert.Equal(expected, entry);
        Assert.Equal([expected], ModelHistory.Read(slots.History));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(slots.Current));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(Path.Combine(slots.Current, ModelPackageFiles.Onnx)));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(slots.History));
        // Only the package, its previous one, the history and the lock: no staging folder is left behind.
        Assert.Equal(["demo", "demo.history.jsonl", "demo.previous"], Directory.GetFileSystemEntries(slots.Parent).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order());
        Assert.Equal([".demo.lock"], Directory.GetFileSystemEntries(slots.Parent).Select(Path.GetFileName).Where(n => n!.StartsWith('.')));
    }

    [Fact]
    public void Rollback_Restores_The_Previous_Package_And_Records_Both_Lines()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        var clock = new ManualClock(T0);
        var installer = new ModelInstaller(clock);
        installer.Promote(folder.Candidate("tiny-b"), folder.ModelPath, "ops@host");
        clock.Now = T0.AddMinutes(5);

        var entry = installer.Rollback(folder.ModelPath, "ops@host");

        var slots = new ModelSlots(folder.ModelPath);
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), ModelPackage.Load(slots.Current).ModelId);
        Assert.Equal(PromotionFolder.ServedId("tiny-b"), ModelPackage.Load(slots.Previous).ModelId);
        Assert.Equal(
            [
                new ModelHistoryEntry(T0, ModelAction.Promote, PromotionFolder.ServedId("tiny-b"), PromotionFolder.Sha256, PromotionFolder.ServedId("tiny-a"), "ops@host"),
                new ModelHistoryEntry(T0.AddMinutes(5), ModelAction.Rollback, PromotionFolder.ServedId("tiny-a"), PromotionFolder.Sha256, PromotionFolder.ServedId("tiny-b"), "ops@host"),
            ],
            ModelHistory.Read(slots.History));
        Assert.Equal(entry, ModelHistory.Read(slots.History)[^1]);
    }

    [Fact]
    public void Tampered_Package_Is_Refused_With_The_Sha256_And_Nothing_Changes()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        string candidate = folder.Candidate("tiny-b");
        string onnx = Path.Combine(candidate, ModelPackageFiles.Onnx);
        var bytes = File.ReadAllBytes(onnx);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(onnx, bytes);

        var ex = Assert.Throws<ModelInstallException>(() => new ModelInstaller(new ManualClock(T0)).Promote(candidate, folder.ModelPath, "ops@host"));

        Assert.StartsWith("promote refused: model package ", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"model.onnx has sha256 {ModelPackageFiles.ComputeSha256(onnx)}, but model.json says {PromotionFolder.Sha256}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("; nothing changed", ex.Message, StringComparison.Ordinal);
        var slots = new ModelSlots(folder.ModelPath);
        Assert.Equal(PromotionFolder.ServedId("tiny-a"), ModelPackage.Load(slots.Current).ModelId);
        Assert.False(Directory.Exists(slots.Previous));
        Assert.False(File.Exists(slots.History));
    }

    [Fact]
    public void First_Promotion_Into_An_Empty_Folder_Has_No_Previous_And_No_From_Id()
    {
        using var folder = new PromotionFolder();

        var entry = new ModelInstaller(new ManualClock(T0)).Promote(folder.Candidate("tiny-b"), folder.ModelPath, "ops@host");

        Assert.Null(entry.FromId);
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(folder.ModelPath)!));
        Assert.Equal(PromotionFolder.ServedId("tiny-b"), ModelPackage.Load(folder.ModelPath).ModelId);
        var ex = Assert.Throws<ModelInstallException>(() => new ModelInstaller(new ManualClock(T0)).Rollback(folder.ModelPath, "ops@host"));
        Assert.Equal($"rollback refused: there is no previous package ({folder.ModelPath}.previous); nothing changed", ex.Message);
    }

    [Fact]
    public void Promoting_The_Package_Already_Serving_Is_Refused()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");

        var ex = Assert.Throws<ModelInstallException>(() => new ModelInstaller(new ManualClock(T0)).Promote(folder.Candidate("tiny-a"), folder.ModelPath, "ops@host"));

        Assert.Equal($"promote refused: {folder.ModelPath} already serves {PromotionFolder.ServedId("tiny-a")}; nothing changed", ex.Message);
        Assert.False(Directory.Exists(folder.ModelPath + ".previous"));
    }
}
