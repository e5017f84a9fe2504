namespace CloudMgmt.Cli.Config;

/// <summary>~/.config/cloudmgmt/config.yaml: named contexts (a server and where its token is) and the one in use.</summary>
internal sealed class CliConfig
{
    public string? CurrentContext { get; set; }

    public List<ContextEntry> Contexts { get; set; } = [];

    public ContextEntry? Find(string name) => Contexts.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// A server and a *reference* to its token: a file (mode 0600) or an environment variable. The token itself is
/// never written to the config, so the file can be shared or checked in without leaking a key.
/// </summary>
internal sealed class ContextEntry
{
    public string Name { get; set; } = "";

    public string Server { get; set; } = "";

    public string? TokenFile { get; set; }

    public string? TokenEnv { get; set; }

    /// <summary>Allow plain http to a host other than loopback (the token would travel in the clear).</summary>
    public bool AllowInsecureHttp { get; set; }

    [YamlDotNet.Serialization.YamlIgnore]
    public string Credential => TokenFile is not null ? "file:" + TokenFile : TokenEnv is not null ? "env:" + TokenEnv : "-";
}
