using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CloudMgmt.Cli.Config;

/// <summary>Reads and writes the config file: $CMCTL_CONFIG, else $XDG_CONFIG_HOME/cloudmgmt/config.yaml, else ~/.config/cloudmgmt/config.yaml.</summary>
internal sealed class ConfigStore(Func<string, string?> environment)
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitDefaults)
        .Build();

    public string Path
    {
        get
        {
            if (environment("CMCTL_CONFIG") is { Length: > 0 } explicitPath)
            {
                return explicitPath;
            }

            var baseDir = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : System.IO.Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return System.IO.Path.Combine(baseDir, "cloudmgmt", "config.yaml");
        }
    }

    public CliConfig Load()
    {
        if (!File.Exists(Path))
        {
            return new CliConfig();
        }

        try
        {
            return Reader.Deserialize<CliConfig?>(File.ReadAllText(Path)) ?? new CliConfig();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new CliException(ExitCodes.Error, $"{Path} is not a valid cmctl config: {e.Message}");
        }
    }

    /// <summary>Writes the file readable by its owner only (it names where tokens are, and may be edited to hold more).</summary>
    public void Save(CliConfig config)
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(dir);
        var temp = Path + ".tmp";
        File.WriteAllText(temp, Writer.Serialize(config));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, Path, overwrite: true); // whole or not at all: a crash never leaves half a config
    }
}
