using System.Diagnostics;
using System.Runtime.Versioning;
using Npa.Monitor.Tests.Mqtt;

namespace Npa.Monitor.Tests.Station;

/// <summary>
/// A real mosquitto set up as a ward's broker: a password file, and an ACL in which each monitor user may write
/// <c>npa/#</c>, the station user may read everything and write only <c>npa/beds/+/set/+</c>, and a viewer user and
/// anonymous clients may only read.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class WardBroker
{
    public const string Station = "station-1";
    public const string Viewer = "viewer";

    public static string Password(string user) => user + "-password-0123456789";

    /// <summary>Starts mosquitto for <paramref name="monitors"/> monitor users, and writes each user's password file into its folder.</summary>
    public static Task<MosquittoBroker> StartAsync(IReadOnlyList<string> monitors) => MosquittoBroker.StartAsync(folder =>
    {
        string passwords = Path.Combine(folder, "passwd");
        string acl = Path.Combine(folder, "acl");
        foreach (string user in monitors.Append(Station).Append(Viewer))
        {
            MosquittoPasswd(passwords, user, Password(user));
            TestStation.PasswordFile(folder, user, Password(user));
        }
        var lines = new List<string> { "topic read npa/#", "" };
        foreach (string m in monitors) lines.AddRange([$"user {m}", "topic readwrite npa/#", ""]);
        lines.AddRange([$"user {Station}", "topic read npa/#", "topic write npa/beds/+/set/+", "", $"user {Viewer}", "topic read npa/#", ""]);
        File.WriteAllLines(acl, lines);
        return $"allow_anonymous true\npassword_file {passwords}\nacl_file {acl}";
    });

    private static void MosquittoPasswd(string file, string user, string password)
    {
        var start = new ProcessStartInfo("/usr/bin/mosquitto_passwd") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in (string[])(File.Exists(file) ? ["-b", file, user, password] : ["-c", "-b", file, user, password])) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mosquitto_passwd failed ({p.ExitCode}): {error}");
    }
}
