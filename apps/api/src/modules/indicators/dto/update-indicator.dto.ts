import { UpdateDto } from '../../../common/versioned.dto';
import { CreateIndicatorDto } from './create-indicator.dto';

/**
 * Every field optional; null clears a definition, the unit name or the agreement (making the
 * indicator common), never the code, names, unit, kind, aggregation or source.
 */
export class UpdateIndicatorDto extends UpdateDto(CreateIndicatorDto) {}
