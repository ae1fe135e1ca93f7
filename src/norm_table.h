/* norm_table.h: the folding tables generated at build time by relx-gen-norm
 * (tools/gen_norm.c) into norm_table.c. Only normalize.c reads them; see there
 * for what they hold. */
#ifndef RELX_NORM_TABLE_H
#define RELX_NORM_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct rx_norm_supp {
    uint32_t from, to;
    uint8_t cls; /* rx_script_class of from */
} rx_norm_supp;

/* The folded form and the script class of every BMP code point. */
extern const uint32_t rx_norm_bmp[0x10000];
extern const uint8_t rx_norm_bmp_class[0x10000];
/* Planes 1-2: the code points that fold to something else or have a script
 * class, sorted by from; every other one folds to itself with class 0. */
extern const rx_norm_supp rx_norm_supp_table[];
extern const size_t rx_norm_supp_count;

#endif
