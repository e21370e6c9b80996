using Npa.Build;

namespace Npa.Trainer.Tests.Build;

public sealed class ElfVersionNeedPatcher_Tests
{
    private static string LibraryInOutput => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    private static byte[] OriginalLibrary()
    {
        // The NuGet cache copy is the unpatched original that the build copied from.
        string home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string[] found = Directory.GetFiles(Path.Combine(home, "torchsharp"), "libLibTorchSharp.so", SearchOption.AllDirectories);
        Assert.NotEmpty(found);
        return File.ReadAllBytes(found[0]);
    }

    [Fact]
    public void Original_Library_Gets_Patched_Then_Reports_Already_Weak()
    {
        byte[] image = OriginalLibrary();
        Assert.Equal(ElfVersionNeedPatcher.Outcome.Patched, ElfVersionNeedPatcher.WeakenVersionRequirement(image, "GLIBCXX_3.4.32"));
        Assert.Equal(ElfVersionNeedPatcher.Outcome.AlreadyWeak, ElfVersionNeedPatcher.WeakenVersionRequirement(image, "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void Patch_Changes_Exactly_One_Flag_Byte()
    {
        byte[] original = OriginalLibrary();
        byte[] patched = (byte[])original.Clone();
        ElfVersionNeedPatcher.WeakenVersionRequirement(patched, "GLIBCXX_3.4.32");
        int differences = original.Zip(patched).Count(p => p.First != p.Second);
        Assert.Equal(1, differences);
    }

    [Fact]
    public void Version_Not_Required_Leaves_Image_Untouched()
    {
        byte[] image = OriginalLibrary();
        byte[] copy = (byte[])image.Clone();
        Assert.Equal(ElfVersionNeedPatcher.Outcome.VersionNotRequired, ElfVersionNeedPatcher.WeakenVersionRequirement(copy, "GLIBCXX_9.9.99"));
        Assert.Equal(image, copy);
    }

    [Fact]
    public void Output_Folder_Copy_Is_Already_Weak_After_Build()
    {
        if (ElfVersionNeedPatcher.FindSystemLibStdCxx() is { } system && ElfVersionNeedPatcher.LibraryDefinesVersion(system, "GLIBCXX_3.4.32"))
        {
            // The build leaves the library alone where libstdc++ is new enough; then the copy must equal the original.
            Assert.Equal(OriginalLibrary(), File.ReadAllBytes(LibraryInOutput));
            return;
        }
        byte[] image = File.ReadAllBytes(LibraryInOutput);
        Assert.Equal(ElfVersionNeedPatcher.Outcome.AlreadyWeak, ElfVersionNeedPatcher.WeakenVersionRequirement(image, "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void Non_Elf_Input_Gives_Clear_Error()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.WeakenVersionRequirement(new byte[128], "GLIBCXX_3.4.32"));
        Assert.Contains("not an ELF file", error.Message, StringComparison.Ordinal);
    }
}
