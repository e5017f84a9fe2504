using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Hosting.Settings;

/// <summary>
/// A setting that fails its validation stops the start: the host throws when it validates the
/// options (<c>ValidateOnStart</c>). Here that becomes what an operator can act on: one line per
/// problem on standard error, naming the setting, and exit code <see cref="ExitCode"/>, instead of
/// an unhandled exception's stack trace and an abort.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 3;

    /// <summary>Builds, wires (<paramref name="pipeline"/>) and runs the app; options are resolved, and so checked, in each of these steps.</summary>
    public static int Run(WebApplicationBuilder builder, Action<WebApplication> pipeline)
    {
        try
        {
            var app = builder.Build();
            pipeline(app);
            app.Run();
            return 0;
        }
        catch (Exception e) when (Problems(e) is { Count: > 0 } problems)
        {
            return Report(problems);
        }
    }

    /// <summary>Writes the problems to standard error and returns the exit code to end with.</summary>
    public static int Report(IReadOnlyList<string> problems)
    {
        Console.Error.WriteLine("cloudmgmt: cannot start, the configuration is not valid:");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("  " + problem);
        }

        return ExitCode;
    }

    /// <summary>Every failure of every options class in <paramref name="e"/>; empty when it is not a validation failure.</summary>
    public static IReadOnlyList<string> Problems(Exception e) => e switch
    {
        OptionsValidationException invalid => invalid.Failures.Select(f => SettingNames.Describe(invalid.OptionsType, f)).ToList(),
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            many.InnerExceptions.SelectMany(Problems).ToList(),
        _ => [],
    };
}
