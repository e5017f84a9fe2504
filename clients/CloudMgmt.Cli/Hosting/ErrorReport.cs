using CloudMgmt.Cli.Output;
using CloudMgmt.Client.Problems;

namespace CloudMgmt.Cli.Hosting;

/// <summary>
/// A problem on stderr: its title and status, its detail, the field at fault, every invalid field and every
/// shortfall. For example:
/// <code>
/// Error: Quota exceeded (409)
///   the request does not fit: pool 'hefei' is short of vcpu by 340 (asked 400, 60 available)
///   field: resources
///   shortfalls: hefei vcpu requested 400, available 60, short 340
/// </code>
/// and for a request no cloud can hold, each cloud and why (<c>cannot hold it: xinchuang-arm: capacity: ...</c>).
/// </summary>
internal static class ErrorReport
{
    public static void Write(Terminal t, Problem p)
    {
        var e = t.Error;
        e.WriteLine($"{Texts.Error(t)}: {Clean(p.Title)} ({p.Status})");
        if (p.Detail is { } detail)
        {
            e.WriteLine($"  {Clean(detail)}");
        }

        if (p.Field is { } field)
        {
            e.WriteLine($"  {Texts.Field(t)}: {Clean(field)}");
        }

        foreach (var (name, messages) in p.Errors.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            e.WriteLine($"  {Clean(name)}: {Clean(string.Join("; ", messages))}");
        }

        foreach (var s in p.Shortfalls)
        {
            e.WriteLine($"  {Texts.Shortfalls(t)}: {Clean(s.Pool)} {Clean(s.Resource)} requested {s.Requested}, available {s.Available}, short {s.Short}");
        }

        foreach (var v in p.Verdicts ?? [])
        {
            e.WriteLine($"  {Texts.CannotHold(t)}: {Clean(v.Cloud)}: {Clean(string.Join("; ", v.Reasons))}");
        }

        if (p.Allocation is { } failed)
        {
            e.WriteLine($"  {Texts.LeftFailed(t)}: {Clean(failed)}");
        }

        if (p.RetryAfter is { } wait)
        {
            e.WriteLine($"  {Texts.RetryAfter(t, wait)}");
        }
    }

    /// <summary>What the server says is printed, never obeyed: control characters become '?'.</summary>
    private static string Clean(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
