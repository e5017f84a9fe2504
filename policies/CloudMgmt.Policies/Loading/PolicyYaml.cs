using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudMgmt.Policies.Loading;

/// <summary>Parses a policy file's text into its one top-level mapping, or says why it cannot.</summary>
internal static class PolicyYaml
{
    public static (YamlMappingNode? Root, string? Error) Root(string yaml, string what)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
                ? (root, null)
                : (null, $"the file must hold exactly one YAML mapping (a {what} document)");
        }
        catch (YamlException ex)
        {
            return (null, $"(line {ex.Start.Line}): not valid YAML: {ex.Message}");
        }
    }
}
