import { OrdersLoading } from './page-states';

export default OrdersLoading;
