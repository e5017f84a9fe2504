using System.CommandLine;
using CloudMgmt.Cli.Config;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;

namespace CloudMgmt.Cli.Commands;

/// <summary>cmctl config set-context|use-context|get-contexts|current-context|delete-context.</summary>
internal static class ConfigCommands
{
    private sealed record ContextRow(bool Current, string Name, string Server, string Credential);

    private static readonly Column<ContextRow>[] Columns =
    [
        new("CURRENT", r => r.Current ? "*" : ""),
        new("NAME", r => r.Name),
        new("SERVER", r => r.Server, Cut: true),
        new("CREDENTIAL", r => r.Credential, Cut: true),
    ];

    public static Command Build(Runner run)
    {
        var config = new Command("config", "Contexts: which server to talk to and where its token is (~/.config/cloudmgmt/config.yaml)");
        config.Subcommands.Add(SetContext(run));

        var name = new Argument<string>("name") { Description = "The context's name" };
        var use = new Command("use-context", "Make a context the current one") { name };
        run.LocalAction(use, (parse, print) =>
        {
            var file = run.Store.Load();
            var wanted = parse.GetRequiredValue(name);
            _ = file.Find(wanted) ?? throw new CliException(ExitCodes.NotFound, $"no context '{wanted}' in {run.Store.Path}");
            file.CurrentContext = wanted;
            run.Store.Save(file);
            print.Note($"current context: {wanted}");
            return ExitCodes.Ok;
        });
        config.Subcommands.Add(use);

        var get = new Command("get-contexts", "List contexts; * marks the current one");
        run.LocalAction(get, (_, print) =>
        {
            var file = run.Store.Load();
            print.List(file.Contexts.Select(c => new ContextRow(c.Name == file.CurrentContext, c.Name, c.Server, c.Credential)).ToList(), Columns);
            return ExitCodes.Ok;
        });
        config.Subcommands.Add(get);

        var current = new Command("current-context", "Print the current context's name");
        run.LocalAction(current, (_, print) =>
        {
            var now = run.Store.Load().CurrentContext ?? throw new CliException(ExitCodes.NotFound, "no current context");
            run.Terminal.Out.WriteLine(now);
            return ExitCodes.Ok;
        });
        config.Subcommands.Add(current);

        var gone = new Argument<string>("name") { Description = "The context's name" };
        var delete = new Command("delete-context", "Remove a context (its token file is left alone)") { gone };
        run.LocalAction(delete, (parse, print) =>
        {
            var file = run.Store.Load();
            var entry = file.Find(parse.GetRequiredValue(gone)) ?? throw new CliException(ExitCodes.NotFound, $"no context '{parse.GetRequiredValue(gone)}'");
            file.Contexts.Remove(entry);
            file.CurrentContext = file.CurrentContext == entry.Name ? null : file.CurrentContext;
            run.Store.Save(file);
            print.Note($"deleted context {entry.Name}");
            return ExitCodes.Ok;
        });
        config.Subcommands.Add(delete);
        return config;
    }

    private static Command SetContext(Runner run)
    {
        var name = new Argument<string>("name") { Description = "The context's name, e.g. prod" };
        var server = new Option<string?>("--server") { Description = "The controller's URL, e.g. https://cloudmgmt.gov.example", HelpName = "URL" };
        var tokenFile = new Option<string?>("--token-file") { Description = "Read the token from this file (keep it mode 600)", HelpName = "PATH" };
        var tokenEnv = new Option<string?>("--token-env") { Description = "Read the token from this environment variable", HelpName = "NAME" };
        var insecure = new Option<bool?>("--allow-insecure-http") { Description = "Allow plain http to a host other than loopback (the token travels in the clear)" };
        var use = new Option<bool>("--use") { Description = "Also make it the current context" };
        var set = new Command("set-context", "Create or change a context; tokens are referenced, never stored in the config") { name, server, tokenFile, tokenEnv, insecure, use };
        set.Validators.Add(r =>
        {
            if (r.GetValue(tokenFile) is not null && r.GetValue(tokenEnv) is not null)
            {
                r.AddError("give --token-file or --token-env, not both");
            }
        });
        run.LocalAction(set, (parse, print) =>
        {
            var file = run.Store.Load();
            var contextName = parse.GetRequiredValue(name);
            var entry = file.Find(contextName);
            if (entry is null)
            {
                entry = new ContextEntry { Name = contextName };
                file.Contexts.Add(entry);
            }

            if (parse.GetValue(server) is { } url)
            {
                entry.Server = Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? url : throw new CliException(ExitCodes.Usage, $"'{url}' is not an http(s) URL");
            }

            if (parse.GetValue(tokenFile) is { } path)
            {
                (entry.TokenFile, entry.TokenEnv) = (path.StartsWith('~') ? path : Path.GetFullPath(path), null);
            }

            if (parse.GetValue(tokenEnv) is { } variable)
            {
                (entry.TokenEnv, entry.TokenFile) = (variable, null);
            }

            entry.AllowInsecureHttp = parse.GetValue(insecure) ?? entry.AllowInsecureHttp;
            if (string.IsNullOrEmpty(entry.Server))
            {
                throw new CliException(ExitCodes.Usage, $"context '{contextName}' needs --server");
            }

            if (parse.GetValue(use) || file.Contexts.Count == 1)
            {
                file.CurrentContext = contextName;
            }

            run.Store.Save(file);
            print.Note($"context {contextName} saved in {run.Store.Path}" + (file.CurrentContext == contextName ? " (current)" : ""));
            return ExitCodes.Ok;
        });
        return set;
    }
}
