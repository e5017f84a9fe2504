using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CloudMgmt.Cli.Tests.Infrastructure;

/// <summary>
/// Golden files: what cmctl prints, compared with the text kept in Golden/NAME.txt. Allocation ids are
/// random, so they are masked (same width, so columns still line up). To accept a change on purpose, run
/// the tests with UPDATE_GOLDEN=1 and review the diff of Golden/.
/// </summary>
public static partial class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        actual = AllocationId().Replace(actual, "alloc-" + new string('x', 32));
        var source = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(source, actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".txt"));
        Assert.True(expected == actual, $"Golden/{name}.txt differs; expected:\n{expected}\nactual:\n{actual}");
    }

    [GeneratedRegex("alloc-[0-9a-f]{32}")]
    private static partial Regex AllocationId();
}
