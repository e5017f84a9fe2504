using CloudMgmt.Cli.Output;
using CloudMgmt.Client;

namespace CloudMgmt.Cli.Config;

/// <summary>
/// Which server and token a command uses. --context NAME wins; else CMCTL_SERVER / CMCTL_TOKEN (for scripts)
/// override the current context's server and token; else the current context.
/// </summary>
internal static class Connection
{
    public static CloudMgmtClientOptions Resolve(string? contextName, ConfigStore store, Terminal terminal)
    {
        var env = terminal.Environment;
        var config = store.Load();
        ContextEntry? context = null;
        if (contextName is not null)
        {
            context = config.Find(contextName) ?? throw new CliException(ExitCodes.Usage,
                $"no context '{contextName}' in {store.Path} (cmctl config get-contexts lists them)");
        }
        else if (config.CurrentContext is { } current)
        {
            context = config.Find(current) ?? throw new CliException(ExitCodes.Error,
                $"the current context '{current}' is not in {store.Path}; pick one with cmctl config use-context");
        }

        var useEnv = contextName is null;
        var server = (useEnv ? env("CMCTL_SERVER") : null) is { Length: > 0 } s ? s : context?.Server;
        if (string.IsNullOrEmpty(server))
        {
            throw new CliException(ExitCodes.Error,
                "no server: run 'cmctl config set-context NAME --server URL --token-file PATH', or set CMCTL_SERVER and CMCTL_TOKEN");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var address))
        {
            throw new CliException(ExitCodes.Error, $"'{server}' is not an absolute URL");
        }

        var token = (useEnv ? env("CMCTL_TOKEN") : null) is { Length: > 0 } t ? t : ReadToken(context, terminal);
        return new CloudMgmtClientOptions
        {
            BaseAddress = address,
            Token = token ?? throw new CliException(ExitCodes.Error,
                $"no token for {server}: give the context --token-file or --token-env, or set CMCTL_TOKEN"),
            AllowInsecureHttp = context?.AllowInsecureHttp ?? false,
        };
    }

    private static string? ReadToken(ContextEntry? context, Terminal terminal)
    {
        if (context?.TokenEnv is { } variable)
        {
            return terminal.Environment(variable) is { Length: > 0 } value ? value
                : throw new CliException(ExitCodes.Error, $"context '{context.Name}' reads its token from ${variable}, which is not set");
        }

        if (context?.TokenFile is not { } file)
        {
            return null;
        }

        var path = ExpandHome(file, terminal);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.Error, $"context '{context.Name}' reads its token from {path}, which does not exist");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            terminal.Error.WriteLine($"warning: {path} can be read by other users; chmod 600 it");
        }

        return File.ReadAllText(path).Trim();
    }

    public static string ExpandHome(string path, Terminal terminal) =>
        path.StartsWith("~/", StringComparison.Ordinal) && terminal.Environment("HOME") is { } home ? Path.Combine(home, path[2..]) : path;
}
