/* compile.h: the dictionary compiler, from the model readers fill to the
 * flat image the coder reads (see src/code/image.h for its layout). */
#ifndef PRL_CODE_COMPILE_H
#define PRL_CODE_COMPILE_H

#include "../dict/model.h"

/* Compile a finished model into a new dict. The dict does not refer to the
 * model afterwards. PARLEY_ENOMEM on allocation failure. */
parley_status prl_compile(const prl_model *m, const prl_alloc *a,
                          parley_dict **out);

#endif
