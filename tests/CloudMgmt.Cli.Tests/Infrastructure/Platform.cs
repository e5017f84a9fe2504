// The tests drive processes, shells, file modes and pseudo-terminals as Linux has them.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
