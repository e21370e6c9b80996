using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Setup;

/// <summary>
/// The ./npa script's Debian package check, run against fake <c>id</c> and <c>dpkg-query</c> placed first on PATH, so a
/// non-root user on a machine without the packages is simulated without touching the real system.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class SetupScript_Tests : IDisposable
{
    private readonly TempDirectory _fakeBin = new();

    public SetupScript_Tests()
    {
        // A non-root user; other id calls go to the real one.
        Fake("id", "if [ \"$1\" = \"-u\" ]; then echo 1000; else exec /usr/bin/id \"$@\"; fi");
        // Setup only checks that dotnet exists before the package check; the fake keeps the test independent of PATH.
        Fake("dotnet", "exit 0");
    }

    public void Dispose() => _fakeBin.Dispose();

    private static string NpaScript => Path.Combine(RepoRoot.Path, "npa");

    /// <summary>The APT_PACKAGES=(…) list of the script itself, so the test follows the script.</summary>
    private static string[] AptPackages()
    {
        var match = AptPackagesPattern().Match(File.ReadAllText(NpaScript));
        Assert.True(match.Success, "npa has no APT_PACKAGES=(...) line");
        return match.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Setup_As_Non_Root_Without_Packages_Prints_The_Apt_Command_And_Exits_2()
    {
        Fake("dpkg-query", "exit 1");
        var (code, stdout, stderr) = RunNpa("setup");

        var packages = string.Join(' ', AptPackages());
        Assert.Equal(2, code);
        Assert.Contains($"sudo apt-get update && sudo apt-get install -y --no-install-recommends {packages}",
            stderr.Split('\n').Select(l => l.Trim()));
        Assert.Contains($"npa: missing Debian packages: {packages}", stderr.Split('\n'));
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Apt_Command_Names_Only_The_Missing_Packages()
    {
        // Only libgtk-3-0 is missing: the fake reports every other package installed.
        Fake("dpkg-query", "for a; do p=\"$a\"; done; [ \"$p\" = libgtk-3-0 ] && exit 1; printf 'install ok installed'");
        var (code, _, stderr) = RunNpa("setup");
        Assert.Equal(2, code);
        Assert.Contains("sudo apt-get update && sudo apt-get install -y --no-install-recommends libgtk-3-0",
            stderr.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Check_Deps_Lists_Every_Missing_Package_And_Nothing_When_All_Are_There()
    {
        Fake("dpkg-query", "exit 1");
        var (code, stdout, _) = RunNpa("check-deps");
        Assert.Equal(0, code);
        Assert.Equal(AptPackages(), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Fake("dpkg-query", "printf 'install ok installed'");
        (code, stdout, _) = RunNpa("check-deps");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
    }

    private void Fake(string name, string body)
    {
        string path = _fakeBin.Write(name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (int Code, string Stdout, string Stderr) RunNpa(string verb)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(NpaScript);
        start.ArgumentList.Add(verb);
        start.Environment["PATH"] = _fakeBin.Path + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"npa {verb} did not finish within 60 s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"^APT_PACKAGES=\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex AptPackagesPattern();
}
