/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__  /* defined by the C library's headers above */
#include <malloc.h>
#endif

#include "jx-cli-private.h"

/* cairo 1.16 copies a font's whole cmap subtable (hundreds of KB in a CJK
 * font) for every glyph it embeds in a PDF, and a CJK font's whole CFF table
 * (about 24 MB) twice. Above glibc's default mmap threshold each copy is a
 * fresh mapping that page-faults in anew; kept on the heap, the blocks are
 * reused. Where touching fresh memory is dear (a virtual machine that
 * shadows page tables: several ms a MB), huge pages cut the cost of faulting
 * in what remains tenfold, so the heap is grown at once and marked for them.
 * Untouched, the reserve costs nothing. A short-lived command can afford the
 * memory this keeps; the application does not set it. */
void
jx_cli_tune_memory (void)
{
#ifdef __GLIBC__
  const size_t reserve = 64 * 1024 * 1024;
  char *block;

  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 2 * reserve);
  mallopt (M_TOP_PAD, reserve);
  /* More than the heap's first top chunk: makes glibc extend it by the pad. */
  block = malloc (1024 * 1024);
  if (block != NULL)
    {
      uintptr_t page = (uintptr_t) sysconf (_SC_PAGESIZE);
      uintptr_t start = ((uintptr_t) block + page - 1) & ~(page - 1);
      uintptr_t end = (uintptr_t) sbrk (0);

      if (end > start)
        madvise ((void *) start, end - start, MADV_HUGEPAGE);
      free (block);
    }
#endif
}
