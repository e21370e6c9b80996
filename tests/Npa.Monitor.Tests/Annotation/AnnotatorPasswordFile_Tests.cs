using System.Runtime.Versioning;
using Npa.Monitor.Annotation;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Annotation;

[SupportedOSPlatform("linux")]
public class AnnotatorPasswordFile_Tests
{
    [Fact]
    public void The_Right_Password_Is_Accepted_And_Any_Other_Refused()
    {
        using var temp = new TempFolder();
        string file = temp.File("annotators");
        AnnotatorPasswordFile.AddUser(file, "ann", "correct horse battery", iterations: 1000);
        AnnotatorPasswordFile.AddUser(file, "bob", "another long secret", iterations: 1000);

        var users = AnnotatorPasswordFile.Load(file);

        Assert.Equal(["ann", "bob"], users.Names);
        Assert.True(users.Verify("ann", "correct horse battery"));
        Assert.False(users.Verify("ann", "another long secret"));
        Assert.False(users.Verify("carol", "correct horse battery"));
        Assert.False(users.Verify(null, null));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain("correct horse battery", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void A_File_Others_Can_Read_Is_Refused_With_Its_Mode()
    {
        using var temp = new TempFolder();
        string file = temp.File("annotators");
        AnnotatorPasswordFile.AddUser(file, "ann", "correct horse battery", iterations: 1000);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = Assert.Throws<InvalidOperationException>(() => AnnotatorPasswordFile.Load(file));

        Assert.Contains("has mode 644", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Plain_Password_Line_Is_Refused_With_Its_Line_Number()
    {
        using var temp = new TempFolder();
        string file = temp.File("annotators");
        AnnotatorPasswordFile.AddUser(file, "ann", "correct horse battery", iterations: 1000);
        File.AppendAllText(file, "bob:hunter2hunter2\n");

        var ex = Assert.Throws<InvalidOperationException>(() => AnnotatorPasswordFile.Load(file));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_A_Name_Twice_Is_Refused()
    {
        using var temp = new TempFolder();
        string file = temp.File("annotators");
        AnnotatorPasswordFile.AddUser(file, "ann", "correct horse battery", iterations: 1000);

        Assert.Throws<InvalidOperationException>(() => AnnotatorPasswordFile.AddUser(file, "ann", "something else entirely", iterations: 1000));
    }
}
