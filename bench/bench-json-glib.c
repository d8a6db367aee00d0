/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-json-glib FILE — the yardstick for loading: json-glib parses the
 * file into its tree and nothing more, as a program that reads the file
 * with the platform's JSON library would at the least. */
#include <json-glib/json-glib.h>

int
main (int argc, char **argv)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: bench-json-glib FILE\n");
      return 2;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_mapped_file (parser, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
