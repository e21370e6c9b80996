using System.CommandLine;
using System.Runtime.Versioning;
using Microsoft.Extensions.Options;
using Npa.Monitor.Annotation;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Annotation;

[SupportedOSPlatform("linux")]
public class AnnotateCommand_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_Bad_Setting_Is_Reported_Together()
    {
        var options = new AnnotateOptions { StoreFolder = "", UsersFile = "", BindAddress = "0.0.0.0", Port = 70000, RequiredAnnotators = 3, SessionHours = 48 };

        var ex = Assert.Throws<OptionsValidationException>(() => options.Validate(Now));

        Assert.Equal(
        [
            "--data: no flagged-frame store folder is given",
            "--users: a password file is required; the annotator page has no anonymous access",
            "--bind: 0.0.0.0 is off loopback, which puts faces of patients on the network; give --certificate (and --certificate-key) for HTTPS",
            "--port: 70000 is out of range; allowed 0–65535",
            "--required-annotators: 3 is out of range; allowed 1 or 2",
            "--session-hours: 48 is out of range; allowed 1–24",
        ], ex.Failures);
    }

    [Fact]
    public void The_Defaults_Listen_On_Loopback_Port_8481_With_Single_Annotation()
    {
        var options = new AnnotateOptions { StoreFolder = "/var/lib/npa/monitor/flagged", UsersFile = "/etc/npa/annotators" };

        options.Validate(Now);

        Assert.Equal(("127.0.0.1", 8481, 1), (options.BindAddress, options.Port, options.RequiredAnnotators));
    }

    [Fact]
    public async Task A_Password_File_Others_Can_Read_Stops_The_Command_And_Names_The_Mode()
    {
        using var temp = new TempFolder();
        using (new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = temp.File("data/flagged") })) { }
        string users = temp.File("annotators");
        AnnotatorPasswordFile.AddUser(users, "ann", "correct horse battery", iterations: 1000);
        File.SetUnixFileMode(users, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var root = new RootCommand { AnnotateCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await root.Parse(["annotate", "--data", temp.File("data"), "--users", users, "--port", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(1, code);
        Assert.Equal($"npa-monitor annotate: --users: the password file '{users}' has mode 604; it must be readable by its owner only (chmod 600)", stderr.ToString().Trim());
    }

    [Fact]
    public async Task Without_A_Store_The_Command_Says_Where_It_Looked()
    {
        using var temp = new TempFolder();
        var root = new RootCommand { AnnotateCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await root.Parse(["annotate", "--data", temp.File("nothing"), "--users", temp.File("annotators")])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(1, code);
        Assert.StartsWith($"npa-monitor annotate: no flagged-frame store at {temp.File("nothing/flagged")}", stderr.ToString().Trim(), StringComparison.Ordinal);
    }
}
