using System.CommandLine;
using CloudMgmt.Cli.Hosting;

namespace CloudMgmt.Cli.Commands;

/// <summary>
/// cmctl completion bash|zsh: a script that asks cmctl itself what may come next, through System.CommandLine's
/// [suggest:POSITION] directive, so completions always match this version's verbs and options.
/// </summary>
internal static class CompletionCommand
{
    public const string Bash = """
        # cmctl completion for bash. Load it with:  source <(cmctl completion bash)
        _cmctl_complete() {
            local IFS=$'\n'
            local line="${COMP_LINE:0:$COMP_POINT}"
            local suggestions
            suggestions="$(cmctl "[suggest:${#line}]" "$line" 2>/dev/null)"
            COMPREPLY=( $(compgen -W "$suggestions" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _cmctl_complete cmctl

        """;

    public const string Zsh = """
        #compdef cmctl
        # cmctl completion for zsh. Load it with:  source <(cmctl completion zsh)
        # (or save it as _cmctl in a folder on $fpath).
        _cmctl() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$(cmctl "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a suggestions
        }
        if (( $+functions[compdef] )); then
            compdef _cmctl cmctl
        fi

        """;

    public static Command Build(Runner run)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var completion = new Command("completion", "Print a shell completion script: source <(cmctl completion bash)") { shell };
        run.LocalAction(completion, (parse, _) =>
        {
            run.Terminal.Out.Write(parse.GetRequiredValue(shell) == "bash" ? Bash : Zsh);
            return ExitCodes.Ok;
        });
        return completion;
    }
}
