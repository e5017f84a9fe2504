namespace CloudMgmt.Storage.Sqlite;
internal static class Placeholder { }
