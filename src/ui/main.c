/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "jx-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(JxApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A file size limit must fail a save with an error, not kill the program. */
  signal (SIGXFSZ, SIG_IGN);

  g_set_application_name (_("Jixiao"));
  app = jx_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
