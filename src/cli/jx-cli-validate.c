/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jx-checks.h"
#include "jx-cli-private.h"
#include "jx-fonts.h"
#include "jx-json.h"

/* Exit status: 2 when a file does not load, else 1 when a finding counts
 * (errors; with --strict any), else 0.
 *
 * Files are reviewed in parallel, one worker a processor, each loading,
 * checking and writing out one file at a time; the results are printed in
 * the order the files were named, as each next one is ready. */
typedef struct
{
  char *file;
  /* The worker's result: */
  gboolean done;
  gboolean unloaded;
  gboolean failed;
  GString *out;          /* text lines for standard output */
  char *err;             /* a line for standard error */
  JsonObject *json;      /* with --format json */
} Job;

typedef struct
{
  gboolean strict;
  gboolean json;
  gboolean unloaded;
  gboolean failed;
  JsonArray *files;
  JxFontCoverage *coverage;   /* characters some installed font has */
  GPtrArray *jobs;
  guint next;            /* the next job to take */
  guint printed;         /* jobs printed so far */
  guint ahead;           /* how far workers may run ahead of printing */
  GMutex lock;
  GCond changed;
} Run;

static void
job_free (Job *job)
{
  if (job == NULL)
    return;
  g_free (job->file);
  if (job->out != NULL)
    g_string_free (job->out, TRUE);
  g_free (job->err);
  g_clear_pointer (&job->json, json_object_unref);
  g_free (job);
}

/* Lines are put together by hand: a formatted print for each of many
 * thousand findings costs more than checking them. */
static void
append_text (GString *out, const char *file, GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);

      g_string_append (out, file);
      g_string_append (out, ": ");
      g_string_append (out, jx_finding_get_path (finding));
      g_string_append (out, ": ");
      g_string_append (out, jx_severity_to_string (jx_finding_get_severity (finding)));
      g_string_append (out, ": ");
      g_string_append (out, jx_finding_get_message (finding));
      g_string_append (out, " [");
      g_string_append (out, jx_finding_get_rule_id (finding));
      g_string_append (out, "]\n");
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
file_to_json (const char *file, GPtrArray *findings, guint errors, guint warnings, guint hints)
{
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();

  json_object_set_string_member (object, "file", file);
  json_object_set_boolean_member (object, "loaded", TRUE);
  json_object_set_int_member (object, "errors", errors);
  json_object_set_int_member (object, "warnings", warnings);
  json_object_set_int_member (object, "hints", hints);
  for (guint i = 0; i < findings->len; i++)
    {
      JxFinding *finding = g_ptr_array_index (findings, i);
      json_array_add_object_element (array, finding_to_json (finding));
    }
  json_object_set_array_member (object, "findings", array);
  return object;
}

static int
compare_paths (const char **a, const char **b)
{
  return g_strcmp0 (*a, *b);
}

/* In a worker thread. */
static void
validate_file (Run *run, Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxDocument) document = jx_document_load_file (job->file, &error);
  g_autoptr(GPtrArray) findings = NULL;
  guint errors, warnings, hints;

  if (document == NULL)
    {
      job->unloaded = TRUE;
      job->err = jx_cli_format_load_error (job->file, error);
      if (run->json)
        {
          job->json = json_object_new ();
          json_object_set_string_member (job->json, "file", job->file);
          json_object_set_boolean_member (job->json, "loaded", FALSE);
          json_object_set_string_member (job->json, "error", error->message);
        }
      return;
    }
  /* The review's checks, without the index a window keeps of where each
   * finding is: the command only prints them. */
  findings = jx_checks_run_with_fonts (document, jx_font_coverage_covers, run->coverage);
  jx_checks_count (findings, &errors, &warnings, &hints);
  /* The findings hold all that is written out: the document goes before
   * the report is put together, so the two are never in memory at once. */
  g_clear_object (&document);
  job->failed = errors > 0 || (run->strict && findings->len > 0);
  if (run->json)
    job->json = file_to_json (job->file, findings, errors, warnings, hints);
  else
    {
      job->out = g_string_new (NULL);
      append_text (job->out, job->file, findings);
    }
}

static gpointer
worker (gpointer data)
{
  Run *run = data;

  for (;;)
    {
      Job *job;

      g_mutex_lock (&run->lock);
      /* Not too far ahead of the printing: finished results wait in memory. */
      while (run->next < run->jobs->len && run->next >= run->printed + run->ahead)
        g_cond_wait (&run->changed, &run->lock);
      if (run->next >= run->jobs->len)
        {
          g_mutex_unlock (&run->lock);
          return NULL;
        }
      job = g_ptr_array_index (run->jobs, run->next++);
      g_mutex_unlock (&run->lock);

      validate_file (run, job);

      g_mutex_lock (&run->lock);
      job->done = TRUE;
      g_cond_broadcast (&run->changed);
      g_mutex_unlock (&run->lock);
    }
}

static void
print_job (Run *run, Job *job)
{
  if (job->err != NULL)
    g_printerr ("%s\n", job->err);
  if (job->out != NULL && job->out->len > 0)
    fwrite (job->out->str, 1, job->out->len, stdout);
  if (job->json != NULL)
    json_array_add_object_element (run->files, g_steal_pointer (&job->json));
  run->unloaded |= job->unloaded;
  run->failed |= job->failed;
}

static void
run_jobs (Run *run)
{
  guint n_workers = MIN (run->jobs->len, MAX (g_get_num_processors (), 1));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  run->ahead = 2 * MAX (n_workers, 1);
  /* One file is reviewed here: a thread would only add its own heap. */
  if (run->jobs->len == 1)
    {
      Job *job = g_ptr_array_index (run->jobs, 0);

      validate_file (run, job);
      print_job (run, job);
      return;
    }
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (threads, g_thread_new ("validate", worker, run));

  for (guint i = 0; i < run->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (run->jobs, i);

      g_mutex_lock (&run->lock);
      while (!job->done)
        g_cond_wait (&run->changed, &run->lock);
      g_mutex_unlock (&run->lock);

      print_job (run, job);
      g_clear_pointer (&g_ptr_array_index (run->jobs, i), job_free);

      g_mutex_lock (&run->lock);
      run->printed = i + 1;
      g_cond_broadcast (&run->changed);
      g_mutex_unlock (&run->lock);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

static void
add_job (Run *run, char *file)
{
  Job *job = g_new0 (Job, 1);

  job->file = file;
  g_ptr_array_add (run->jobs, job);
}

/* A folder stands for the documents in it (*.json, in name order), so
 * that a finance bureau can name the folder a department sent. One with
 * none is said to have none: silence would read as "all fine". */
static gboolean
add_argument (Run *run, const char *argument)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (argument, G_FILE_TEST_IS_DIR))
    {
      add_job (run, g_strdup (argument));
      return TRUE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  dir = g_dir_open (argument, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s: %s\n", argument, error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (argument, name, NULL));
  if (names->len == 0)
    {
      g_printerr (_("%s: the folder has no documents (no .json files) to review\n"), argument);
      return FALSE;
    }
  g_ptr_array_sort (names, (GCompareFunc) compare_paths);
  for (guint i = 0; i < names->len; i++)
    add_job (run, g_steal_pointer (&g_ptr_array_index (names, i)));
  return TRUE;
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
  run.coverage = jx_font_coverage_new ();
  run.jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_mutex_init (&run.lock);
  g_cond_init (&run.changed);
  for (int i = 1; i < argc; i++)
    if (!add_argument (&run, argv[i]))
      run.unloaded = TRUE;
  run_jobs (&run);
  if (run.json)
    print_json (&run);
  json_array_unref (run.files);
  jx_font_coverage_free (run.coverage);
  g_ptr_array_unref (run.jobs);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.changed);
  return run.unloaded ? 2 : run.failed ? 1 : 0;
}
