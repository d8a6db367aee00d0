/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "jx-application.h"
#include "jx-document-session.h"

/* The documents named on the command line are read while GTK starts, in
 * threads of their own: the window that opens one takes what was read.
 * GApplication's own options are the only ones, and none takes a value. */
static void
read_ahead (int    argc,
            char **argv)
{
  gboolean options = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (options && g_str_equal (argv[i], "--"))
        {
          options = FALSE;
          continue;
        }
      if (options && argv[i][0] == '-')
        continue;
      file = g_file_new_for_commandline_arg (argv[i]);
      jx_document_session_read_ahead (file);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JxApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* JIXIAO_LOCALEDIR lets an uninstalled build (make run, the tests) use
   * the translations it just compiled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JIXIAO_LOCALEDIR") != NULL
                                     ? g_getenv ("JIXIAO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A file size limit must fail a save with an error, not kill the program. */
  signal (SIGXFSZ, SIG_IGN);

  g_set_application_name (_("Jixiao"));
  app = jx_application_new ();
  /* Without a session bus (a bare X session, a kiosk) there is no one to
   * share a single instance with: run on our own instead of failing. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_autofree char *bus = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

      if (!g_file_test (bus, G_FILE_TEST_EXISTS))
        g_application_set_flags (G_APPLICATION (app),
                                 g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
    }
  read_ahead (argc, argv);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* A process that handed its files to the running instance goes at once. */
  if (!g_application_get_is_registered (G_APPLICATION (app)) ||
      !g_application_get_is_remote (G_APPLICATION (app)))
    jx_document_session_drop_read_aheads ();
  return status;
}
