using System.Text.Json.Nodes;
using CloudMgmt.Cli.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace CloudMgmt.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class OutputAndCompletionTests(CliController controller) : IDisposable
{
    private readonly Cmctl _cmctl = controller.Operator();

    [Fact]
    public async Task Formats_JsonYamlCsv_CarryTheSameTenant()
    {
        var (tenant, pool) = await TenantAsync("合肥市卫生健康委员会, \"卫健委\"");

        var json = JsonNode.Parse((await _cmctl.RunAsync("tenants", "get", tenant, "-o", "json").Exit(0)).Out)!;
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>((await _cmctl.RunAsync("tenants", "get", tenant, "-o", "yaml").Exit(0)).Out);
        var csv = (await _cmctl.RunAsync("tenants", "get", tenant, "-o", "csv").Exit(0)).Out;

        Assert.Equal("合肥市卫生健康委员会, \"卫健委\"", json["displayName"]!.GetValue<string>());
        Assert.Equal(json["displayName"]!.GetValue<string>(), yaml["displayName"]);
        Assert.Equal(pool, yaml["pool"]);
        Assert.Equal($"id,pool,name,admitted,pending-approval,allocations\n{tenant},{pool},\"合肥市卫生健康委员会, \"\"卫健委\"\"\",,,0\n", csv);
    }

    [Fact]
    public async Task Table_OnAPseudoTerminal_ColoursTheStatusAndNotWhenPipedOrNoColor()
    {
        var (tenant, _) = await TenantAsync("t");
        await _cmctl.RunAsync("alloc", "request", "--tenant", tenant, "--vcpu", "1").Exit(0);
        var command = $"dotnet {Path.Combine(Cmctl.Folder, "cmctl.dll")} alloc list --tenant {tenant}";

        var onTerminal = await _cmctl.ProcessAsync("script", "-qec", command, "/dev/null");
        var piped = await _cmctl.RunAsync("alloc", "list", "--tenant", tenant);
        _cmctl.Environment["NO_COLOR"] = "1";
        var noColor = await _cmctl.ProcessAsync("script", "-qec", command, "/dev/null");

        Assert.Matches("\u001b\\[32m(Placed|Ready)\u001b\\[0m", onTerminal.Out);
        Assert.DoesNotContain('\u001b', piped.Out);
        Assert.DoesNotMatch("\u001b\\[[0-9;]*m", noColor.Out); // no colour (the runtime's own keypad-mode codes may remain)
        Assert.Contains(tenant, noColor.Out, StringComparison.Ordinal); // the table itself was printed
    }

    [Fact]
    public async Task TenantsCreate_ControlCharactersInName_ExitsTwoNamingTheField()
    {
        var pool = Ids.New("pool");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=1").Exit(0);

        var run = await _cmctl.RunAsync("tenants", "create", Ids.New("t"), "--pool", pool, "--display-name", "evil\u001b[2Jname").Exit(2);

        Assert.Contains("\n  field: displayName\n", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Err); // the server's echo of the input, printed without the escape
    }

    [Fact]
    public void Table_HostileCellFromAServer_PrintsNoControlCharacters()
    {
        // The controller refuses such names now; a table still never passes one to the terminal.
        var text = Cli.Output.Table.Render<string>([new("NAME", s => s)], ["evil\u001b[2J\u001b]0;owned\u0007name"], width: 100, colour: true);

        Assert.Equal("NAME\nevil?[2J?]0;owned?name\n", text);
    }

    [Fact]
    public async Task BashCompletion_SourcedInBash_CompletesVerbsOptionsAndValues()
    {
        Assert.Equal("alloc approvals audit", await BashCompleteAsync("cmctl a"));
        Assert.Equal("release request resize", await BashCompleteAsync("cmctl alloc re"));
        Assert.Equal("csv json table yaml", await BashCompleteAsync("cmctl pools list -o "));
        Assert.Equal("--dry-run", await BashCompleteAsync("cmctl alloc request --dr"));
        Assert.Equal("statement supervision", await BashCompleteAsync("cmctl report s"));
        Assert.Equal("pool tenant", await BashCompleteAsync("cmctl report statement --by "));
    }

    [Fact]
    public async Task ZshCompletion_SourcedInZsh_RegistersTheCompletionFunction()
    {
        var script = (await _cmctl.RunAsync("completion", "zsh").Exit(0)).Out;
        File.WriteAllText(Path.Combine(_cmctl.Home, "_cmctl"), script);

        var run = await _cmctl.ProcessAsync("zsh", "-f", "-c",
            $"autoload -Uz compinit && compinit -u -d {_cmctl.Home}/.zcompdump && source {_cmctl.Home}/_cmctl && print -r -- $+functions[_cmctl] ${{_comps[cmctl]}}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1 _cmctl\n", run.Out);
    }

    [Fact]
    public async Task ZshCompletion_TheFunctionRun_OffersWhatCmctlSuggestsForTheWordsSoFar()
    {
        var script = Path.Combine(_cmctl.Home, "_cmctl");
        File.WriteAllText(script, (await _cmctl.RunAsync("completion", "zsh").Exit(0)).Out);

        // zsh's completion widgets need a terminal; here compadd is stood in for by a function printing what it is given.
        var run = await _cmctl.ProcessAsync("zsh", "-f", "-c",
            $"source {script}; compadd() {{ [[ $1 == -a ]] && print -l -- ${{(P)2}}; }}; words=(cmctl report s); CURRENT=3; _cmctl");

        Assert.True(run.ExitCode == 0, run.ToString());
        // cmctl suggests what contains the word; compadd itself keeps those that start with it (statement, supervision).
        Assert.Equal(["budgets", "statement", "supervision"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Suggest_WhatTheScriptsAsk_ListsTheVerbsOfTheGroup()
    {
        var run = await _cmctl.RunAsync("[suggest:15]", "cmctl clouds re").Exit(0);

        Assert.Equal("reconcile\nregister\n", run.Out);
    }

    private async Task<string> BashCompleteAsync(string line)
    {
        var script = Path.Combine(_cmctl.Home, "cmctl.bash");
        File.WriteAllText(script, (await _cmctl.RunAsync("completion", "bash").Exit(0)).Out);
        var words = line.EndsWith(' ') ? line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("").ToArray() : line.Split(' ');
        var program = $$"""
            source '{{script}}'
            COMP_LINE='{{line}}'; COMP_POINT={{line.Length}}
            COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
            _cmctl_complete
            printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
            """;
        var run = await _cmctl.ProcessAsync("bash", "--norc", "--noprofile", "-c", program);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Out.Trim();
    }

    private async Task<(string Tenant, string Pool)> TenantAsync(string displayName)
    {
        var pool = Ids.New("pool");
        var tenant = Ids.New("t");
        await _cmctl.RunAsync("pools", "create", pool, "--quota", "vcpu=4").Exit(0);
        await _cmctl.RunAsync("tenants", "create", tenant, "--pool", pool, "--display-name", displayName).Exit(0);
        return (tenant, pool);
    }

    public void Dispose() => _cmctl.Dispose();
}
