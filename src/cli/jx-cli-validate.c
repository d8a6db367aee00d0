/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jx-checks.h"
#include "jx-cli-private.h"
#include "jx-json.h"

/* Exit status: 2 when a file does not load, else 1 when a finding counts
 * (errors; with --strict any), else 0. */
typedef struct
{
  gboolean strict;
  gboolean json;
  gboolean unloaded;
  gboolean failed;
  JsonArray *files;
} Run;

static void
print_text (const char *file, GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      g_print ("%s: %s: %s: %s [%s]\n", file, jx_finding_get_path (finding),
               jx_severity_to_string (jx_finding_get_severity (finding)),
               jx_finding_get_message (finding), jx_finding_get_rule_id (finding));
    }
}

static JsonObject *
finding_to_json (JxFinding *finding)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "path", jx_finding_get_path (finding));
  json_object_set_int_member (object, "project", jx_finding_get_project (finding));
  json_object_set_string_member (object, "severity",
                                 jx_severity_to_string (jx_finding_get_severity (finding)));
  json_object_set_string_member (object, "rule", jx_finding_get_rule_id (finding));
  json_object_set_string_member (object, "message", jx_finding_get_message (finding));
  return object;
}

static JsonObject *
file_to_json (const char *file, GPtrArray *findings)
{
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();
  guint errors, warnings, hints;

  jx_checks_count (findings, &errors, &warnings, &hints);
  json_object_set_string_member (object, "file", file);
  json_object_set_boolean_member (object, "loaded", TRUE);
  json_object_set_int_member (object, "errors", errors);
  json_object_set_int_member (object, "warnings", warnings);
  json_object_set_int_member (object, "hints", hints);
  for (guint i = 0; i < findings->len; i++)
    json_array_add_object_element (array, finding_to_json (g_ptr_array_index (findings, i)));
  json_object_set_array_member (object, "findings", array);
  return object;
}

static int
compare_paths (const char **a, const char **b)
{
  return g_strcmp0 (*a, *b);
}

static void
validate_file (Run *run, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (file, &error);
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  if (document == NULL)
    {
      JsonObject *object = json_object_new ();

      run->unloaded = TRUE;
      jx_cli_print_load_error (file, error);
      json_object_set_string_member (object, "file", file);
      json_object_set_boolean_member (object, "loaded", FALSE);
      json_object_set_string_member (object, "error", error->message);
      json_array_add_object_element (run->files, object);
      return;
    }
  findings = jx_checks_run (document);
  jx_checks_count (findings, &errors, NULL, NULL);
  if (errors > 0 || (run->strict && findings->len > 0))
    run->failed = TRUE;
  if (run->json)
    json_array_add_object_element (run->files, file_to_json (file, findings));
  else
    print_text (file, findings);
}

/* A folder stands for the documents in it (*.json, in name order), so
 * that a finance bureau can name the folder a department sent. */
static void
validate_argument (Run *run, const char *argument)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (argument, G_FILE_TEST_IS_DIR))
    {
      validate_file (run, argument);
      return;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  dir = g_dir_open (argument, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (argument, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) compare_paths);
  for (guint i = 0; i < names->len; i++)
    validate_file (run, g_ptr_array_index (names, i));
}

static void
print_json (Run *run)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "format", "budget-performance-findings");
  json_object_set_int_member (object, "version", 1);
  json_object_set_array_member (object, "files", json_array_ref (run->files));
  json_node_take_object (root, object);
  /* Our writer: json-glib's leaves control characters in strings raw. */
  jx_json_write (out, root);
  g_print ("%s", out->str);
}

int
jx_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE… — review documents as the finance bureau would"));
  g_autofree char *format = NULL;
  Run run = { FALSE, };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output “text” (default) or “json”"), N_("FORMAT") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &run.strict,
      N_("Fail on warnings and hints too, not only on errors"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Runs the review checks on each file (a folder stands for the .json files in it). Text output has one line per finding: "
      "FILE: path: severity: message [rule-id]. The exit status is 0 when no finding is an "
      "error (with --strict: when there is no finding at all), 1 otherwise, and 2 when a file "
      "does not load."));
  if (!jx_cli_parse_options (context, &argc, &argv))
    return 2;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_("jixiao-cli validate: unknown format “%s”: use text or json\n"), format);
      return 2;
    }
  if (argc < 2)
    {
      g_printerr ("%s\n", _("jixiao-cli validate: name at least one file"));
      return 2;
    }
  run.json = format != NULL && g_str_equal (format, "json");
  run.files = json_array_new ();
  for (int i = 1; i < argc; i++)
    validate_argument (&run, argv[i]);
  if (run.json)
    print_json (&run);
  json_array_unref (run.files);
  return run.unloaded ? 2 : run.failed ? 1 : 0;
}
