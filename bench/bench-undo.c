/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "jx-bench-utils.h"
#include "jx-document-io.h"
#include "jx-drafts.h"
#include "jx-indicator.h"
#include "jx-undo.h"

/* What the editor pays for undo and drafts on a big department: watching the
 * document when it is opened, one keystroke, deleting and restoring a
 * project, undoing a long session, and serialising a draft on the main
 * thread. */
#define N_PROJECTS 2000
#define N_EDITS    5000

static JxProject *
project_at (JxDocument *document, guint i)
{
  g_autoptr(JxProject) project = g_list_model_get_item (jx_document_get_projects (document), i);
  return project;
}

static double
time_edits (JxDocument *document, JxUndoStack *stack)
{
  double start = jx_bench_now_ms ();

  for (guint i = 0; i < N_EDITS; i++)
    {
      JxProject *project = project_at (document, (i * 7919) % N_PROJECTS);
      g_autoptr(JxIndicator) indicator = g_list_model_get_item (jx_project_get_indicators (project), 0);
      g_autofree char *value = g_strdup_printf ("≥%u%%", i);

      jx_undo_stack_seal (stack);
      jx_indicator_set_value (indicator, value);
    }
  return (jx_bench_now_ms () - start) / N_EDITS;
}

static double
time_delete_undo (JxDocument *document, JxUndoStack *stack)
{
  GListStore *projects = G_LIST_STORE (jx_document_get_projects (document));
  double start = jx_bench_now_ms ();

  for (guint i = 0; i < 100; i++)
    {
      g_list_store_remove (projects, i * 13);
      jx_undo_stack_undo (stack);
    }
  return (jx_bench_now_ms () - start) / 100;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JxDocument) document = NULL;
  g_autoptr(JxUndoStack) stack = NULL;
  g_autofree char *data = NULL;
  double start, watch_ms, edit_ms, delete_ms, undo_all_ms, draft_ms;
  gsize length;

  setlocale (LC_ALL, "");
  document = jx_bench_large_document (N_PROJECTS);

  start = jx_bench_now_ms ();
  stack = jx_undo_stack_new (document);
  watch_ms = jx_bench_now_ms () - start;

  edit_ms = time_edits (document, stack);
  delete_ms = time_delete_undo (document, stack);

  start = jx_bench_now_ms ();
  while (jx_undo_stack_undo (stack))
    ;
  undo_all_ms = jx_bench_now_ms () - start;

  start = jx_bench_now_ms ();
  data = jx_document_to_data (document, &length);
  draft_ms = jx_bench_now_ms () - start;

  g_print ("undo and drafts, %d projects:\n", N_PROJECTS);
  g_print ("  watch the document (jx_undo_stack_new): %8.1f ms\n", watch_ms);
  g_print ("  one recorded edit:                      %8.4f ms\n", edit_ms);
  g_print ("  delete a project and undo it:           %8.3f ms\n", delete_ms);
  g_print ("  undo %d edits:                        %8.1f ms\n", N_EDITS, undo_all_ms);
  g_print ("  serialise a draft (%.1f MB):            %8.1f ms\n", length / 1e6, draft_ms);
  return 0;
}
