/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for CSV import: any bytes either import as a document
 * that loads again and plan into the example, or are refused with a reason
 * (see fuzz-sheet-common.h). Build and run with tests/fuzz/build.sh. */
#include "config.h"

#include <stdint.h>

#include "fuzz-sheet-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_sheet_init ();
  return 0;
}

static gboolean
read_csv (JxSheetData *data, gconstpointer input, gsize size, GError **error)
{
  return jx_sheet_data_read_csv (data, input, size, "表", NULL, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_import (read_csv, data, size);
  return 0;
}
