using Npa.Monitor.Commands;

namespace Npa.Monitor.Tests.Commands;

/// <summary>Formula-safe cells as OWASP's CSV injection guidance asks, and a lossless way back.</summary>
public class CsvFormulaGuard_Tests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("nurse-b", "nurse-b")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("", "")]
    public void A_Cell_That_Would_Be_A_Formula_Gets_A_Leading_Apostrophe(string value, string cell)
    {
        Assert.Equal(cell, CsvFormulaGuard.Escape(value));
        Assert.Equal(value, CsvFormulaGuard.Unescape(cell));
    }

    [Fact]
    public void Unescape_Of_Escape_Gives_Back_Every_Value()
    {
        const string alphabet = "=+-@\t\r'a1 ,\"";
        var random = new Random(15);
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 6)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string value = new(chars);
            string cell = CsvFormulaGuard.Escape(value);
            Assert.Equal(value, CsvFormulaGuard.Unescape(cell));
            Assert.DoesNotContain(cell.Length > 0 ? cell[0] : 'x', "=+-@\t\r");
        }
    }
}
